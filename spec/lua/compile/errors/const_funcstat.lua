local m <const> = 1
function m() end
