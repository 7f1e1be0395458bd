/** Types of eslint-layers.js, for the test that checks the layer allow-lists. */
export declare const LAYERS: Record<string, { imports: string[]; packages: string[] }>;
export declare function layerOf(file: string): string | null;
export declare function importViolation(file: string, specifier: string): string | null;
export declare const layersPlugin: { rules: Record<string, unknown> };
