exports.shared = 1;
