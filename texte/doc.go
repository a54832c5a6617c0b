// Package texte cleans and compares the French text found in the standard's
// files: names, addresses and descriptions.
//
// It folds text for accent- and case-insensitive matching (Fold), and will
// hold the typography and case fixes the guide needs before printing.
package texte
