if !x then end
