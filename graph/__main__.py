"""`python -m graph`: the same as the `diplograph` command."""

import sys

from graph.cli import main

sys.exit(main())
