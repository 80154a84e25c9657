// Server bundle for Apps Script: one classic script, no modules left at run time.
// esbuild-loader does the TypeScript; gas-webpack-plugin turns `global.x = …` in src/main.ts
// into the top-level function declarations that menus, triggers and google.script.run need.
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'production',
  // 'eval' devtools hide `global.x =` from the plugin (fossamagna/gas-webpack-plugin#135).
  devtool: false,
  context: __dirname,
  entry: './src/main.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    // Each module's whitespace and syntax are minified to keep the bundle well inside its size
    // budget, but no identifier is renamed, so stack traces in the executions log stay readable.
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020', minifyWhitespace: true, minifySyntax: true } }],
  },
  target: ['web', 'es2020'],
  // No whole-bundle minifier: it would drop the top-level function stubs the plugin adds.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new GasPlugin({ include: ['src/**'], comment: false })],
};
