"""thaipr: turn Thai government PR news into research data."""
