"""Entry point of the Python worker when run as a zip application: python3 hw5-python-worker.pyz SOCKET."""
import os
import sys

# Run with -I, Python does not put the zip on its path: put it there, first.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hw5_worker.session import main  # noqa: E402

main(sys.argv[1:])
