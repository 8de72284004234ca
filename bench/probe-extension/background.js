// Present only so the bench can read the probe extension's id from its worker's URL.
