# ruff: noqa: E501  (fixture pages keep their long lines, as scraped pages do)
"""Hand-written scraped pages (fictional outlets, people and places) shared by the clean tests."""

PLAIN_PAGE = """The Harbour Courier

We use cookies to improve your experience and to show you personalised ads. By continuing to use this site you agree to our cookie policy.
Accept all

Skip to content
Home
News
Sport
Weather
Search

Ferry strike in Port Velmar enters its third day - The Harbour Courier

Ferry strike in Port Velmar enters its third day

By Amira Tolland
Published 3 March 2026, 10:42 GMT

Share on Facebook
Tweet
Copy link

Commuters crowded the quayside in Port Velmar on Tuesday as the ferry strike entered its third day, with no talks planned before the weekend.

Union leader Doran Pike said the crews would stay out “as long as it takes” to win back the night-shift allowance cut in January.

A stranded commuter waits at the terminal. (Photo: Lena Quist/Velmar Images)

The harbour authority said 14 crossings had been cancelled since Sunday and that it expected about 6,000 passengers to be affected each day.

What happens next

Talks are due to resume on Friday at the offices of the regional mediation board, a spokesperson for the authority said.

Read more
Bakers in Eastholm vote to accept pay offer
New bridge over the Calder opens to cyclists
Velmar council approves budget for 2026

Sign up for our free morning newsletter

12 Comments
Leave a comment
This is a disgrace and the council should step in right now.
Reply
Report

© 2026 The Harbour Courier. All rights reserved.
Privacy Policy
Terms of Use
"""

BODY = [
    "Commuters crowded the quayside in Port Velmar on Tuesday as the ferry strike entered its "
    "third day, with no talks planned before the weekend.",
    "Union leader Doran Pike said the crews would stay out “as long as it takes” to win back the "
    "night-shift allowance cut in January.",
    "The harbour authority said 14 crossings had been cancelled since Sunday and that it expected "
    "about 6,000 passengers to be affected each day.",
    "What happens next",
    "Talks are due to resume on Friday at the offices of the regional mediation board, a "
    "spokesperson for the authority said.",
]

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Orchard growers count losses after late frost | The Valley Ledger</title>
<meta property="og:site_name" content="The Valley Ledger">
<meta property="article:published_time" content="2026-04-12T08:00:00Z">
<link rel="canonical" href="https://valleyledger.example/news/frost">
</head><body>
<header><nav><a href="/">Home</a> <a href="/farming">Farming</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to personalise content. Accept all cookies?</div>
<main><article>
<h1>Orchard growers count losses after late frost</h1>
<p class="byline">By Teodor Vane</p>
<p>Apple and pear growers across the Merrow valley said on Saturday that a late frost had destroyed
much of this year's blossom, in what one farmer called the worst spring in two decades.</p>
<p>The Merrow Growers' Cooperative estimated that about 40 percent of the early blossom was lost
on the coldest night, when temperatures fell to minus four degrees.</p>
<figure><img src="x.jpg"><figcaption>Frost-damaged blossom near Merrow. (Photo: Ida Brandt/Ledger Images)</figcaption></figure>
<p>“We have never seen the buds blacken so quickly,” said Hallie Gorse, who has farmed the valley
for thirty years. She said insurers had already been told to expect a wave of claims.</p>
<p>Share this article</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Council backs new bus lanes</a></li>
<li><a href="/b">School choir wins national prize</a></li></ul></aside>
<footer>© 2026 The Valley Ledger. All rights reserved.</footer>
</body></html>
"""
