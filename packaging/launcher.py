"""Entry point of the packaged application: the same ``wasteintel`` command line."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # A large import reads its file in a second process; in a frozen build a spawned process
    # starts this executable again, and this hands it over to multiprocessing.
    multiprocessing.freeze_support()
    sys.exit(main())
