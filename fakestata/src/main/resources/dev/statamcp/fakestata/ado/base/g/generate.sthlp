{smcl}
{* *! fakestata help page for generate and replace}{...}
{viewerjumpto "Syntax" "generate##syntax"}{...}
{viewerjumpto "Description" "generate##description"}{...}
{p2colset 1 17 19 2}{...}
{p2col:{manlink D generate} {hline 2}}Create or change contents of variable{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{pstd}
Create new variable

{p 8 17 2}
{cmdab:g:enerate} [{it:type}] {newvar} {cmd:=}{it:{help exp}} {ifin}

{pstd}
Replace contents of existing variable

{p 8 17 2}
{cmd:replace} {it:oldvar} {cmd:=}{it:{help exp}} {ifin}


{marker description}{...}
{title:Description}

{pstd}
{cmd:generate} creates a new variable whose values are those of the
expression; observations not selected by {cmd:if} or {cmd:in} are missing.
{cmd:replace} changes the values of an existing variable and reports how many
values changed.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
