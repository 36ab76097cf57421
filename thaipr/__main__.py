"""`python -m thaipr`: the `thaipr` command."""

import sys

from thaipr.cli import main

sys.exit(main())
