"""What every format's 情况说明 shares: comparisons with last year, shares, wording."""
