{smcl}
{* *! fakestata help page for findfile}{...}
{viewerjumpto "Syntax" "findfile##syntax"}{...}
{viewerjumpto "Description" "findfile##description"}{...}
{p2colset 1 17 19 2}{...}
{p2col:{manlink P findfile} {hline 2}}Find file in path{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:findfile} {it:filename} [{cmd:,} {opth path(strings:path)} {opt nodes:cend} {opt all}]


{marker description}{...}
{title:Description}

{pstd}
{cmd:findfile} looks for {it:filename} along the ado-path (see {help adopath})
or along {opt path()}, in each folder and then in its subfolder named by the
first letter of the file, shows where it is and stores that in {cmd:r(fn)}.
A file that is not found is error 601.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
