import SlantCore

/// Adjusts ICU's Chinese words toward the standard segmentation conventions (PKU, MSR), which treat
/// some units differently from ICU's dictionary:
///
/// - a number and its date, time or age unit are one word ("１９９８年", "12月", "三十一日");
/// - a run of Chinese numerals is one word ("二〇〇一");
/// - a run of dashes or ellipsis marks is one token ("———", "……");
/// - a word and a productive suffix are one word ("现代" + "化", "委员" + "会", "科学" + "家");
/// - a numeral and its measure word are two words ("一年" → "一" "年", "几个" → "几" "个");
/// - the particle 的 is a word of its own ("新的" → "新" "的"), except in words like 目的, 有的, 别的.
///
/// Each rule is local (adjacent tokens), so the pass is linear in the number of tokens.
enum ChineseWordMerger {
    static let dateUnits: Set<Unicode.Scalar> = ["年", "月", "日", "号", "时", "点", "分", "秒", "岁", "周", "世", "届"]
    static let numerals: Set<Unicode.Scalar> = ["〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "两"]
    static let suffixes: Set<Unicode.Scalar> = ["化", "性", "者", "员", "会", "院", "率", "界", "们", "家", "制", "型", "式", "业", "法", "论", "学"]
    /// 会 is a suffix after nouns (委员会, 博览会) but the modal "will" after adverbs and verbs (显然会, 认为会):
    /// it joins only words ending in one of these nominal characters.
    static let nounsBeforeHui: Set<Unicode.Scalar> = [
        "员", "委", "览", "乐", "运", "动", "议", "商", "展", "协", "联", "舞", "晚", "宴", "酒", "茶", "峰", "博", "理", "董", "监",
        "常", "社", "交", "易", "讨", "座", "谈", "告", "唱", "画", "影", "育", "奥", "事", "代", "工", "农", "学", "商", "行", "业",
        "务", "友", "亚", "艺", "术", "书", "赛", "球", "车", "机", "茶", "诗", "歌", "庙", "灯", "花", "集", "年", "盟",
    ]
    static let numeralPrefixes: Set<Unicode.Scalar> = ["一", "两", "几", "每", "半"]
    static let measureWords: Set<Unicode.Scalar> = [
        "年", "次", "位", "条", "种", "批", "项", "天", "个", "名", "件", "份", "场", "只", "张", "篇", "句", "段", "部",
        "所", "座", "辆", "架", "台", "套", "笔", "股", "层", "届", "期", "轮", "声", "片", "棵", "块", "根", "把", "双",
        "副", "群", "匹", "间", "顿", "番", "遍", "趟", "类", "季", "周", "月", "岁", "家", "方", "首", "幅", "枚", "支",
    ]
    /// Characters that form a word with a following 的 (目的 "aim", 有的 "some", 别的 "other").
    static let boundWithDe: Set<Unicode.Scalar> = ["目", "有", "别", "似", "是", "真", "的", "端", "标", "打"]
    static let runPunctuation: Set<Unicode.Scalar> = ["—", "…", "─", "－"]

    /// Applies the rules in place to the tokens from index `start` on (one zone's tokens).
    static func merge(_ tokens: inout [Token], from start: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        guard tokens.count - start > 1 || (tokens.count - start == 1) else { return }
        var result: [Token] = []
        result.reserveCapacity(tokens.count - start)
        for token in tokens[start...] {
            for (pieceIndex, piece) in split(token, bytes).enumerated() {
                if pieceIndex == 0, let last = result.last, shouldMerge(last, piece, bytes) {
                    let kind: TokenKind = last.kind == .number || piece.kind == .number ? .number : last.kind
                    result[result.count - 1] = Token(range: TextRange(start: last.range.start, end: piece.range.end), kind: kind)
                } else {
                    result.append(piece)
                }
            }
        }
        tokens.replaceSubrange(start..., with: result)
    }

    private static func scalars(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range.range]), as: UTF8.self).unicodeScalars)
    }

    /// "一年" → "一" "年" (a numeral prefix and a measure word) and "新的" → "新" "的", in a two-character token.
    private static func split(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        guard token.kind == .ideograph, token.range.length == 6 else { return [token] }
        let characters = scalars(token, bytes)
        guard characters.count == 2,
            (numeralPrefixes.contains(characters[0]) && measureWords.contains(characters[1]))
                || (characters[1] == "的" && !boundWithDe.contains(characters[0]))
        else { return [token] }
        let middle = token.range.start + 3
        return [
            Token(range: TextRange(start: token.range.start, end: middle), kind: .ideograph),
            Token(range: TextRange(start: middle, end: token.range.end), kind: .ideograph),
        ]
    }

    private static func shouldMerge(_ left: Token, _ right: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.range.end == right.range.start else { return false }
        let rightCharacters = scalars(right, bytes)
        let leftCharacters = scalars(left, bytes)
        if right.kind == .punctuation || left.kind == .punctuation {
            guard let mark = leftCharacters.first, runPunctuation.contains(mark) else { return false }
            return left.kind == .punctuation && right.kind == .punctuation && rightCharacters.allSatisfy { $0 == mark }
                && leftCharacters.allSatisfy { $0 == mark }
        }
        let leftIsNumber = left.kind == .number || leftCharacters.allSatisfy(numerals.contains)
        if leftIsNumber, rightCharacters.count == 1, dateUnits.contains(rightCharacters[0]),
            left.kind == .number || leftCharacters.count >= 2 || ["月", "日", "号"].contains(rightCharacters[0])
        {
            return true
        }
        if leftIsNumber, left.kind != .number, rightCharacters.allSatisfy(numerals.contains) { return true }
        if left.kind == .ideograph, right.kind == .ideograph, leftCharacters.count >= 2, rightCharacters.count == 1,
            suffixes.contains(rightCharacters[0]), !leftCharacters.allSatisfy(numerals.contains),
            rightCharacters[0] != "会" || nounsBeforeHui.contains(leftCharacters[leftCharacters.count - 1])
        {
            return true
        }
        return false
    }
}
