/** Moved to src/shared/charts/ so the engine's headless export draws the same charts; this re-export keeps renderer imports short. */
export * from '../../../../shared/charts/plotOptions'
