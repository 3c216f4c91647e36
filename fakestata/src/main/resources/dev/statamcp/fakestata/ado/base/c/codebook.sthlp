{smcl}
{* *! fakestata help page for codebook}{...}
{viewerjumpto "Syntax" "codebook##syntax"}{...}
{viewerjumpto "Description" "codebook##description"}{...}
{p2colset 1 17 19 2}{...}
{p2col:{manlink D codebook} {hline 2}}Describe data contents{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:codebook} [{varlist}] {ifin} [{cmd:,} {it:options}]

{synoptset 16}{...}
{synopthdr}
{synoptline}
{synopt:{opt c:ompact}}one line per variable{p_end}
{synopt:{opt t:abulate(#)}}tabulate variables with at most {it:#} distinct values; default is {cmd:tabulate(9)}{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:codebook} describes each variable: its type, range, units, number of
distinct values and of missing values, and then a tabulation, or the mean,
standard deviation and percentiles, or examples of its values.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
