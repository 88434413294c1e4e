"""The six Q1 functions, in the protocol's order: the Python names, parameters and outputs.

The Java enum edu.mlcourse.hw5.contract.Q1Function is the source of truth; a test in the worker
module checks this table against it.
"""
from collections import namedtuple

MATRIX = "matrix"
VECTOR = "vector"

Param = namedtuple("Param", "name rank")
Function = namedtuple("Function", "index python_name java_name params outputs")


def _m(name):
    return Param(name, MATRIX)


def _v(name):
    return Param(name, VECTOR)


FUNCTIONS = (
    Function(0, "linear_forward", "linearForward", (_m("x"), _m("w"), _v("b")), (_m("out"),)),
    Function(1, "linear_backward", "linearBackward", (_m("dout"), _m("x"), _m("w"), _v("b")),
             (_m("dx"), _m("dw"), _v("db"))),
    Function(2, "relu_forward", "reluForward", (_m("x"),), (_m("out"),)),
    Function(3, "relu_backward", "reluBackward", (_m("dout"), _m("x")), (_m("dx"),)),
    Function(4, "softmax_forward", "softmaxForward", (_m("x"),), (_m("out"),)),
    Function(5, "softmax_backward", "softmaxBackward", (_m("dout"), _m("x")), (_m("dx"),)),
)


def declaration(function):
    """The line students must write, e.g. 'def relu_forward(x):'."""
    return "def %s(%s):" % (function.python_name, ", ".join(p.name for p in function.params))


def table():
    """The table as plain data, for the test that compares it with the Java contract."""
    return [{"index": f.index, "python": f.python_name, "java": f.java_name,
             "params": [[p.name, p.rank] for p in f.params],
             "outputs": [[p.name, p.rank] for p in f.outputs]} for f in FUNCTIONS]
