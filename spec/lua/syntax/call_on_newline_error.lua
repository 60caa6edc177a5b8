local x = f
(
1
