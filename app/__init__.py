"""WasteIntel application shell: command line, GUI start-up, settings and jobs."""
