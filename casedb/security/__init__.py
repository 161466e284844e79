"""Who may do what on a shared server (roles), and files only their owner can read (files)."""
