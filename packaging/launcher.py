"""Entry point of the PyInstaller bundle: the same ``main`` as the ``inflow-desk`` command."""

import sys

from inflow_desk.app import main

if __name__ == "__main__":
    sys.exit(main())
