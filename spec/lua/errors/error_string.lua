error("custom message")
