{smcl}
{* *! fakestata help page for regress}{...}
{vieweralsosee "[R] predict" "help predict"}{...}
{viewerjumpto "Syntax" "regress##syntax"}{...}
{viewerjumpto "Description" "regress##description"}{...}
{viewerjumpto "Stored results" "regress##results"}{...}
{p2colset 1 16 18 2}{...}
{p2col:{manlink R regress} {hline 2}}Linear regression{p_end}
{p2colreset}{...}


{marker syntax}{...}
{title:Syntax}

{p 8 16 2}
{cmdab:reg:ress}
{depvar}
[{indepvars}]
{ifin}
[{cmd:,} {opt l:evel(#)}]


{marker description}{...}
{title:Description}

{pstd}
{cmd:regress} fits a linear regression of {depvar} on {indepvars} by ordinary
least squares and shows the analysis-of-variance table and the table of
coefficients with standard errors, t statistics, p-values and confidence
intervals.


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:regress} stores the following in {cmd:e()}:

{synoptset 16 tabbed}{...}
{p2col 5 16 20 2: Scalars}{p_end}
{synopt:{cmd:e(N)}}number of observations{p_end}
{synopt:{cmd:e(df_m)}}model degrees of freedom{p_end}
{synopt:{cmd:e(df_r)}}residual degrees of freedom{p_end}
{synopt:{cmd:e(F)}}F statistic{p_end}
{synopt:{cmd:e(r2)}}R-squared{p_end}
{synopt:{cmd:e(rmse)}}root mean squared error{p_end}
{synopt:{cmd:e(mss)}}model sum of squares{p_end}
{synopt:{cmd:e(rss)}}residual sum of squares{p_end}
{synopt:{cmd:e(r2_a)}}adjusted R-squared{p_end}
{synopt:{cmd:e(ll)}}log likelihood{p_end}

{p2col 5 16 20 2: Macros}{p_end}
{synopt:{cmd:e(cmd)}}{cmd:regress}{p_end}
{synopt:{cmd:e(cmdline)}}command as typed{p_end}
{synopt:{cmd:e(depvar)}}name of the dependent variable{p_end}

{p2col 5 16 20 2: Matrices}{p_end}
{synopt:{cmd:e(b)}}coefficient vector{p_end}
{synopt:{cmd:e(V)}}variance-covariance matrix of the estimators{p_end}

{p2col 5 16 20 2: Functions}{p_end}
{synopt:{cmd:e(sample)}}marks the estimation sample{p_end}
{p2colreset}{...}

{pstd}
This page is written for fakestata, the Stata emulator used in tests.
