* stata-mcp demo: a short analysis that takes about half a minute, so the live progress has something to show.
* Run it with: scripts/demo   (or: bin/stata-mcp run examples/demo.do --emulator)
version 16
set more off
sysuse auto, clear
describe, short
summarize price mpg weight

* A slow loop stands in for a long estimation: one line of output every two seconds.
forvalues rep = 1/10 {
    display "replication `rep' of 10"
    sleep 2000
}

regress price mpg weight
display "R-squared: " %6.4f e(r2)
tabulate foreign

scatter price mpg, name(price_mpg, replace)
graph export "demo_price_mpg.png", name(price_mpg) replace
display "demo finished"
