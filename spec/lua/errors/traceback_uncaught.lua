local function lvl3() error("deep error") end
local function lvl2() lvl3() end
function globalfn() lvl2() end
globalfn()
