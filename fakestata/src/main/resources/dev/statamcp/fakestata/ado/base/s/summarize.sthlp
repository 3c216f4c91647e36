{smcl}
{* *! fakestata help page for summarize}{...}
{vieweralsosee "[R] tabulate" "help tabulate"}{...}
{viewerjumpto "Syntax" "summarize##syntax"}{...}
{viewerjumpto "Description" "summarize##description"}{...}
{viewerjumpto "Options" "summarize##options"}{...}
{viewerjumpto "Stored results" "summarize##results"}{...}
{p2colset 1 18 20 2}{...}
{p2col:{manlink R summarize} {hline 2}}Summary statistics{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmdab:su:mmarize}
[{varlist}]
{ifin}
[{cmd:,} {it:options}]

{synoptset 16 tabbed}{...}
{synopthdr}
{synoptline}
{syntab:Main}
{synopt:{opt d:etail}}percentiles, smallest and largest values, skewness and kurtosis{p_end}
{synopt:{opt mean:only}}no display; compute the mean, minimum and maximum only{p_end}
{synopt:{opt sep:arator(#)}}draw a separator line after every {it:#} variables; default is {cmd:separator(5)}{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:summarize} shows the number of observations, the mean, the standard
deviation, the minimum and the maximum of each variable.  With no {varlist},
it summarizes every variable in the dataset.


{marker options}{...}
{title:Options}

{phang}
{opt detail} shows, for each variable, the 1st, 5th, 10th, 25th, 50th, 75th,
90th, 95th and 99th percentiles, the four smallest and largest values, the
variance, the skewness and the kurtosis.

{phang}
{opt meanonly} shows nothing and stores only {cmd:r(N)}, {cmd:r(sum_w)},
{cmd:r(mean)}, {cmd:r(min)}, {cmd:r(max)} and {cmd:r(sum)}.

{phang}
{opt separator(#)} draws a separator line after every {it:#} variables;
{cmd:separator(0)} draws none.


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:summarize} stores the following in {cmd:r()}:

{synoptset 15 tabbed}{...}
{p2col 5 15 19 2: Scalars}{p_end}
{synopt:{cmd:r(N)}}number of observations{p_end}
{synopt:{cmd:r(sum_w)}}sum of the weights{p_end}
{synopt:{cmd:r(mean)}}mean{p_end}
{synopt:{cmd:r(Var)}}variance{p_end}
{synopt:{cmd:r(sd)}}standard deviation{p_end}
{synopt:{cmd:r(min)}}minimum{p_end}
{synopt:{cmd:r(max)}}maximum{p_end}
{synopt:{cmd:r(sum)}}sum of the variable{p_end}
{synopt:{cmd:r(p50)}}50th percentile (median), with {opt detail}; also
{cmd:r(p1)} ... {cmd:r(p99)}, {cmd:r(skewness)} and {cmd:r(kurtosis)}{p_end}
{p2colreset}{...}

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
