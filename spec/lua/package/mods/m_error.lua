error("boom in module")
