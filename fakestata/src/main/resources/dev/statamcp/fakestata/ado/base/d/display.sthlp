{smcl}
{* *! fakestata help page for display}{...}
{viewerjumpto "Syntax" "display##syntax"}{...}
{viewerjumpto "Description" "display##description"}{...}
{p2colset 1 16 18 2}{...}
{p2col:{manlink P display} {hline 2}}Display strings and values of scalar expressions{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 16 2}
{cmdab:di:splay} [{it:display_directive} [{it:display_directive} [{it:...}]]]

{synoptset 22}{...}
{synopthdr:display_directive}
{synoptline}
{synopt:{cmd:"}{it:double-quoted string}{cmd:"}}show the string{p_end}
{synopt:[{cmd:%}{it:fmt}] [{cmd:=}]{it:exp}}show the value of the expression{p_end}
{synopt:{cmd:_n}[{cmd:(}{it:#}{cmd:)}]}go to a new line ({it:#} times){p_end}
{synopt:{cmd:_col(}{it:#}{cmd:)}}skip to column {it:#}{p_end}
{synopt:{cmd:_skip(}{it:#}{cmd:)}}skip {it:#} columns{p_end}
{synopt:{cmd:_continue}}do not end the line{p_end}
{synopt:{cmd:as text}|{cmd:result}|{cmd:error}}change the style of what follows{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:display} shows strings and the values of expressions, side by side.
Numbers are shown in the {cmd:%10.0g} format unless a format is given.

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
