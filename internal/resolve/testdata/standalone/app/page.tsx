import "./missing";
