return 42, "ignored"
