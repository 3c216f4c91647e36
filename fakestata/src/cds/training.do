* Run once by the build (batch mode) to record the classes the emulator loads into target/fakestata.jsa, the
* class-data-sharing archive bin/stata-mp starts with. It exercises what a console session uses most.
quietly log using cds-training-run.log, text replace name(run)
capture noisily display "x" + "y" _col(5) %9.2f 1/3 " " _rc
local a = 1
global b "x"
forvalues i = 1/3 {
    display `i' + `a'
}
capture noisily foo
capture noisily error 111
display "`c(current_date)'" c(stata_version)
set obs 10
generate x = runiform()
sysuse auto, clear
summarize price
regress price mpg
return list
ereturn list
display rowsof(e(V)) " " el(e(b), 1, 1)
matrix b = e(b)
local names : colnames e(b)
tabulate foreign
list make price in 1/2
describe, short
quietly codebook price foreign
tempname fh
tempfile results
file open `fh' using "`results'", write replace text
file write `fh' "scalar" _tab %21.0g (r(N)) _tab (c(k)) _n
file close `fh'
quietly help summarize
quietly log close run
