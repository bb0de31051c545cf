"""What every feature uses: widget helpers, the palette, workers, the error funnel,
formatting and settings."""
