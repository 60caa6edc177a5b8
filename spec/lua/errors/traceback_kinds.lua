local obj = {}
function obj:method() error("in method") end
local t = {field = function() obj:method() end}
local function viatail() return t.field() end
local anon = function() viatail() end
local function loc() anon() end
local co = coroutine.wrap(function() loc() end)
local mt = setmetatable({}, {__index = function() co() end})
local _ = mt.key
