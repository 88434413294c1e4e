# Imports a module of its own that was not submitted.
# breaks: everything
# hint: q1.py could not be imported: ModuleNotFoundError: No module named 'course_helpers'
# hint: If course_helpers is a file of yours, submit course_helpers.py beside q1.py.
import course_helpers  # noqa: F401
