module.exports = require('@eco/tooling/jest.preset.cjs')(__dirname);
