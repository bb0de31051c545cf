"""``python -m inflow_desk``."""

import sys

from inflow_desk.app import main

sys.exit(main())
