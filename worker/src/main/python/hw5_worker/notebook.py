"""What the grader takes from a student's q2.ipynb without running it: the imports, the class and
function definitions, the nn.Sequential models built at the top level (with the constants they
use), and the normalisation constants. Training cells are never run.
"""
import ast
import json

_KEPT = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def code_cells(notebook_bytes):
    """The sources of the notebook's code cells, or raises ValueError when it is not nbformat 4."""
    # utf-8-sig: a Windows editor's byte-order mark is not JSON, and the grader's Java reader skips it too.
    notebook = json.loads(notebook_bytes.decode("utf-8-sig"))
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


def _constants(trees):
    """Top-level names bound to numbers or tuples of numbers (MEAN = 0.2860; MEAN, STD = 0.5, 0.5),
    in order, the last binding winning, as the notebook would leave them."""
    constants = {}
    for tree in trees:
        for node in tree.body:
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            target = node.targets[0]
            if isinstance(target, ast.Name) and _is_constant(node.value):
                constants[target.id] = ast.literal_eval(node.value)
            elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(node.value, (ast.Tuple, ast.List)) \
                    and len(target.elts) == len(node.value.elts):
                for name, value in zip(target.elts, node.value.elts):
                    if isinstance(name, ast.Name) and _is_constant(value):
                        constants[name.id] = ast.literal_eval(value)
    return constants


def _number(node, constants):
    """The number a node stands for: a literal, a name bound to one, or the only element of a
    one-element tuple or list of those (Normalize((0.5,), (0.5,))); None when it is anything else."""
    if isinstance(node, ast.Name):
        value = constants.get(node.id)
    elif _is_constant(node):
        value = ast.literal_eval(node)
    elif isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) == 1:
        return _number(node.elts[0], constants)
    else:
        return None
    if isinstance(value, (tuple, list)) and len(value) == 1:
        value = value[0]
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _pairs(node, constants):
    """The (mean, std) a node applies, if it is one of the ways notebooks normalise: a
    transforms.Normalize call, (x - mean) / std (also inside a lambda), or x.sub(mean).div(std)."""
    if isinstance(node, ast.Call) and _called(node) == "Normalize":
        args = list(node.args[:2]) + [k.value for k in node.keywords if k.arg in ("mean", "std")]
        if len(args) >= 2:
            return _number(args[0], constants), _number(args[1], constants)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.BinOp) \
            and isinstance(node.left.op, ast.Sub):
        return _number(node.left.right, constants), _number(node.right, constants)
    if isinstance(node, ast.Call) and _called(node) == "div" and node.args and isinstance(node.func, ast.Attribute):
        inner = node.func.value
        if isinstance(inner, ast.Call) and _called(inner) == "sub" and inner.args:
            return _number(inner.args[0], constants), _number(node.args[0], constants)
    return None


def normalizations(sources):
    """The (mean, std) pairs the notebook normalises its inputs with, read without running it: every
    transforms.Normalize(...), (x - mean) / std and x.sub(mean).div(std) whose mean and std are
    numbers written in the notebook, directly or through top-level names (MEAN = 0.2860). Computed
    statistics (x.mean()) cannot be read; the usual constants stand in for them."""
    trees = list(_trees(sources))
    constants = _constants(trees)
    found = []
    for tree in trees:
        for node in ast.walk(tree):
            pair = _pairs(node, constants)
            if pair is not None and pair[0] is not None and pair[1] is not None and pair[1] > 0:
                found.append(pair)
    return found
