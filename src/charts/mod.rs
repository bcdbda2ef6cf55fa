//! Pure drawing functions, generic over plotters backends.
