// Key codes as the GLFW backend writes them into io.KeysDown[] (ImGui 1.86). Kept here so
// the headless UI tests can press keys without including GLFW; app_main.cpp checks that
// they equal GLFW's values.
#pragma once

namespace gs::app::keys {

inline constexpr int kSpace = 32;
inline constexpr int kMinus = 45;
inline constexpr int kPeriod = 46;
inline constexpr int kEqual = 61;  // '+' is Shift + '='
inline constexpr int kB = 66;
inline constexpr int k0 = 48;
inline constexpr int kE = 69;
inline constexpr int kL = 76;
inline constexpr int kO = 79;
inline constexpr int kP = 80;
inline constexpr int kR = 82;
inline constexpr int kS = 83;
inline constexpr int kT = 84;
inline constexpr int kLeftBracket = 91;
inline constexpr int kRightBracket = 93;
inline constexpr int kEscape = 256;
inline constexpr int kEnter = 257;
inline constexpr int kRight = 262;
inline constexpr int kLeft = 263;
inline constexpr int kPageUp = 266;
inline constexpr int kPageDown = 267;
inline constexpr int kHome = 268;
inline constexpr int kEnd = 269;
inline constexpr int kF1 = 290;
inline constexpr int kF5 = 294;
inline constexpr int kF9 = 298;
inline constexpr int kF11 = 300;
inline constexpr int kKpSubtract = 333;
inline constexpr int kKpAdd = 334;
inline constexpr int kKpEnter = 335;

}  // namespace gs::app::keys
