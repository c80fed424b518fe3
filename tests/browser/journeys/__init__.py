"""Users' tasks walked from start to end in a real browser, each saving its screenshots."""
