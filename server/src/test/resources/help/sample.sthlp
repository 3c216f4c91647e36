{smcl}
{* *! version 1.0.0  24nov2026}{...}
{viewerjumpto "Syntax" "sample##syntax"}{...}
{viewerjumpto "Description" "sample##description"}{...}
{title:Title}

{p2colset 5 18 20 2}{...}
{p2col :{manlink R sample} {hline 2}}Fit a sample model{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 16 2}
{cmd:sample} {depvar} [{indepvars}] {ifin} [{cmd:,} {it:options}]

{synoptset 20 tabbed}{...}
{synopthdr}
{synoptline}
{syntab:Model}
{synopt:{opt noc:onstant}}suppress constant term{p_end}
{synopt:{opth vce(vcetype)}}{it:vcetype} may be {cmd:ols} or {cmd:robust}{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:sample} fits a model of {it:depvar} on {it:indepvars}; see {helpb regress} for the
full story and {browse "https://example.org":the web page}.


{title:Examples}

{phang}{cmd:. sysuse auto}{p_end}
{phang}{cmd:. sample price mpg}{p_end}
