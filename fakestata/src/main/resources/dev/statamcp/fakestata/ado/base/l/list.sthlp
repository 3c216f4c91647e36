{smcl}
{* *! fakestata help page for list}{...}
{viewerjumpto "Syntax" "list##syntax"}{...}
{viewerjumpto "Description" "list##description"}{...}
{p2colset 1 13 15 2}{...}
{p2col:{manlink D list} {hline 2}}List values of variables{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 13 2}
{cmdab:l:ist} [{varlist}] {ifin} [{cmd:,} {it:options}]

{synoptset 16}{...}
{synopthdr}
{synoptline}
{synopt:{opt c:lean}}no borders and separators{p_end}
{synopt:{opt noo:bs}}do not show observation numbers{p_end}
{synopt:{opt sep:arator(#)}}draw a separator line every {it:#} observations; default is {cmd:separator(5)}{p_end}
{synopt:{opt nol:abel}}show numeric codes instead of value labels{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:list} shows the values of the variables, one observation per row, in a
box with a separator line every five observations.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
