x = "ab\qc"
