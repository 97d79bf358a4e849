"""What the analysis knows: the frozen fact models and the ids that name them in the graph."""
