print "a" "b" +
