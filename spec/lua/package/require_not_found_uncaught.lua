package.path = "./?.luax"
package.cpath = "./?.sox"
require("zzz")
