#include "dossier/extract/name_key.h"

#include <string>
#include <unordered_set>

namespace dossier::extract {
namespace {

// Syllables of Hanyu Pinyin (without tones) and the Wade-Giles spellings that differ from them.
const std::unordered_set<std::string>& syllables() {
    static const std::unordered_set<std::string> kSyllables = [] {
        std::unordered_set<std::string> s;
        for (const char* w :
             {"a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng",
              "bi", "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang",
              "cao", "ce", "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen",
              "cheng", "chi", "chong", "chou", "chu", "chuai", "chuan", "chuang", "chui", "chun",
              "chuo", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan",
              "dang", "dao", "de", "dei", "den", "deng", "di", "dian", "diao", "die", "ding", "diu",
              "dong", "dou", "du", "duan", "dui", "dun", "duo", "e", "ei", "en", "eng", "er", "fa",
              "fan", "fang", "fei", "fen", "feng", "fo", "fou", "fu", "ga", "gai", "gan", "gang",
              "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu", "gua", "guai", "guan",
              "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao", "he", "hei", "hen",
              "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun", "huo",
              "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju",
              "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "ken", "keng", "kong",
              "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan",
              "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie",
              "lin", "ling", "liu", "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv", "ma",
              "mai", "man", "mang", "mao", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min",
              "ming", "miu", "mo", "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei",
              "nen", "neng", "ni", "nian", "niang", "niao", "nie", "nin", "ning", "niu", "nong",
              "nou", "nu", "nuan", "nue", "nuo", "nv", "o", "ou", "pa", "pai", "pan", "pang", "pao",
              "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping", "po", "pou", "pu",
              "qi", "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu",
              "quan", "que", "qun", "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou",
              "ru", "ruan", "rui", "run", "ruo", "sa", "sai", "san", "sang", "sao", "se", "sen",
              "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei", "shen", "sheng", "shi",
              "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun", "shuo", "si",
              "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang", "tao",
              "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui",
              "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", "xi",
              "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan",
              "xue", "xun", "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong",
              "you", "yu", "yuan", "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei",
              "zen", "zeng", "zha", "zhai", "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng",
              "zhi", "zhong", "zhou", "zhu", "zhua", "zhuai", "zhuan", "zhuang", "zhui", "zhun",
              "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui", "zun", "zuo",
              // Wade-Giles
              "chia", "chiang", "chiao", "chieh", "chien", "chih", "chin", "ching", "chiu",
              "chiung", "chueh", "chun", "chung", "erh", "hsi", "hsia", "hsiang", "hsiao", "hsieh",
              "hsien", "hsin", "hsing", "hsiu", "hsiung", "hsu", "hsuan", "hsueh", "hsun", "jan",
              "jang", "jao", "je", "jen", "jeng", "jih", "jo", "jou", "juei", "jui", "jung", "kuei",
              "lien", "lieh", "lueh", "mien", "nieh", "pien", "pieh", "ssu", "szu", "tien", "tieh",
              "tsa", "tsai", "tsan", "tsang", "tsao", "tse", "tsen", "tseng", "tso", "tsou", "tsu",
              "tsuan", "tsui", "tsun", "tsung", "tuei", "tung", "tzu", "tz", "yeh", "yung", "hao",
              "kung", "lung", "nung", "pung", "sung", "hung", "mung"})
            s.insert(w);
        return s;
    }();
    return kSyllables;
}

// Splits letters [from, end) into at most `left` syllables (longest first, then shorter).
bool splits(const std::string& letters, std::size_t from, int left) {
    if (from == letters.size())
        return true;
    if (left == 0)
        return false;
    for (std::size_t len = std::min<std::size_t>(6, letters.size() - from); len >= 1; --len)
        if (syllables().count(letters.substr(from, len)) && splits(letters, from + len, left - 1))
            return true;
    return false;
}

} // namespace

bool is_chinese_given_name(std::string_view word) {
    std::string letters;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
        if (c == '-' || c == '\'')
            continue;
        if (c < 'a' || c > 'z')
            return false;
        letters += c;
    }
    return letters.size() >= 2 && splits(letters, 0, 3);
}

} // namespace dossier::extract
