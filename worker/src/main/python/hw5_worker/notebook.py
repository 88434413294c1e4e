"""What the grader takes from a student's q2.ipynb without running it: the imports, the class and
function definitions, the nn.Sequential models built at the top level (with the constants they
use), and the Normalize constants. Training cells are never run.
"""
import ast
import json

_KEPT = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def code_cells(notebook_bytes):
    """The sources of the notebook's code cells, or raises ValueError when it is not nbformat 4."""
    notebook = json.loads(notebook_bytes.decode("utf-8"))
    if not isinstance(notebook, dict) or notebook.get("nbformat") != 4 or not isinstance(notebook.get("cells"), list):
        raise ValueError("not an nbformat 4 notebook")
    sources = []
    for cell in notebook["cells"]:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            sources.append("".join(source) if isinstance(source, list) else str(source))
    return sources


def _parse(source):
    # IPython's magics and shell escapes are not Python: leave those lines out.
    lines = [line for line in source.split("\n") if not line.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _called(node):
    """The name a call's function is known by: Sequential for nn.Sequential(...)."""
    function = node.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)


def _is_constant(node):
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _trees(sources):
    """The syntax trees of the cells that parse."""
    for source in sources:
        tree = _parse(source)
        if tree is not None:
            yield tree


def definitions(sources):
    """One module's source: the kept statements of every cell, in order."""
    kept = []
    for tree in _trees(sources):
        for node in tree.body:
            if isinstance(node, _KEPT):
                kept.append(node)
            elif isinstance(node, ast.Assign) and (_is_constant(node.value) or (
                    isinstance(node.value, ast.Call) and _called(node.value) == "Sequential")):
                kept.append(node)
    return kept


def normalizations(sources):
    """The (mean, std) pairs of every transforms.Normalize(...) call with constant arguments."""
    found = []
    for tree in _trees(sources):
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) == "Normalize":
                args = list(node.args) + [k.value for k in node.keywords if k.arg in ("mean", "std")]
                if len(args) >= 2 and _is_constant(args[0]) and _is_constant(args[1]):
                    mean, std = ast.literal_eval(args[0]), ast.literal_eval(args[1])
                    mean = mean[0] if isinstance(mean, (tuple, list)) else mean
                    std = std[0] if isinstance(std, (tuple, list)) else std
                    if isinstance(mean, (int, float)) and isinstance(std, (int, float)) and std > 0:
                        found.append((float(mean), float(std)))
    return found
