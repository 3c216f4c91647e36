{smcl}
{* *! fakestata help page for describe}{...}
{viewerjumpto "Syntax" "describe##syntax"}{...}
{viewerjumpto "Description" "describe##description"}{...}
{viewerjumpto "Stored results" "describe##results"}{...}
{p2colset 1 17 19 2}{...}
{p2col:{manlink D describe} {hline 2}}Describe data in memory or in a file{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmdab:d:escribe} [{varlist}] [{cmd:,} {opt s:hort} {opt sim:ple}]


{marker description}{...}
{title:Description}

{pstd}
{cmd:describe} lists the variables of the dataset in memory with their storage
types, display formats, value labels and variable labels, and reports the
number of observations and variables.  With a {varlist}, only the table of those
variables is shown; {opt short} shows only the summary.


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:describe} stores {cmd:r(N)}, {cmd:r(k)}, {cmd:r(width)} and
{cmd:r(changed)}.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
