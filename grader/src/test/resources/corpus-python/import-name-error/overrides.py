# A top-level statement that fails when q1.py is imported.
# breaks: everything
# hint: q1.py could not be imported: NameError
# hint: keep only imports, constants and definitions there
SCALE = undefined_constant * 2
